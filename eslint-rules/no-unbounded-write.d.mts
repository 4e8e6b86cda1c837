import type { ESLint, Rule } from "eslint";

export declare const noUnboundedWrite: Rule.RuleModule;
export declare const newsroomPlugin: ESLint.Plugin;
