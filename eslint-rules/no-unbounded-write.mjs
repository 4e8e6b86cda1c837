/**
 * Forbids writes that could touch every row of a table by accident:
 *
 * - Prisma `deleteMany` / `updateMany` without a `where`, or with an empty one
 *   (`deleteMany()`, `deleteMany({})`, `updateMany({ data })`, `where: {}`);
 *   arguments built elsewhere are refused too, because nobody can see their `where`;
 * - raw SQL `DELETE FROM …` without a `WHERE`, and `TRUNCATE`.
 *
 * A missing filter is the classic way one bad request empties a table; the
 * rule makes every bulk write name the rows it means.
 */

const bulkMethods = new Set(["deleteMany", "updateMany", "updateManyAndReturn"]);

function propertyName(property) {
  if (property.type !== "Property" || property.computed) return null;
  if (property.key.type === "Identifier") return property.key.name;
  if (property.key.type === "Literal") return String(property.key.value);
  return null;
}

/** Why this Prisma call's argument does not bound it, or null when it does. */
function unboundedReason(call) {
  const [argument] = call.arguments;
  if (!argument) return "missingWhere";
  if (argument.type !== "ObjectExpression") return "opaqueArgument";
  const where = argument.properties.find((property) => propertyName(property) === "where");
  if (!where) {
    // `{ ...args }` may carry a where we cannot see: ask for it inline.
    return argument.properties.some((property) => property.type === "SpreadElement") ? "opaqueArgument" : "missingWhere";
  }
  if (where.value.type === "ObjectExpression" && where.value.properties.length === 0) return "emptyWhere";
  if (where.value.type === "Identifier" && where.value.name === "undefined") return "missingWhere";
  return null;
}

/** The SQL text of a string or template (whole `+` chains of literals are read together). */
function sqlText(node) {
  if (node.type === "Literal" && typeof node.value === "string") return node.value;
  if (node.type === "TemplateLiteral") return node.quasis.map((quasi) => quasi.value.cooked ?? quasi.value.raw).join(" ? ");
  if (node.type === "BinaryExpression" && node.operator === "+") {
    const left = sqlText(node.left);
    const right = sqlText(node.right);
    return `${left ?? " ? "}${right ?? " ? "}`;
  }
  return null;
}

/** Each DELETE FROM statement must have a WHERE before the statement ends. */
function hasUnboundedDelete(sql) {
  for (const statement of sql.split(";")) {
    if (/\bDELETE\s+FROM\b/i.test(statement) && !/\bWHERE\b/i.test(statement)) return true;
  }
  return false;
}

/**
 * Text that is sent somewhere: a call's argument (`client.query(sql)`), a tagged
 * template (`$executeRaw\`…\``) or a variable's value (`const sql = …`). Prose
 * such as messages and labels that merely mention the words is left alone.
 */
function reachesDatabase(node) {
  const parent = node.parent;
  if (!parent) return false;
  if (parent.type === "CallExpression" || parent.type === "NewExpression") return parent.arguments.includes(node);
  if (parent.type === "TaggedTemplateExpression") return parent.quasi === node;
  if (parent.type === "VariableDeclarator") return parent.init === node;
  return false;
}

/** @type {import("eslint").Rule.RuleModule} */
export const noUnboundedWrite = {
  meta: {
    type: "problem",
    docs: { description: "Bulk deletes and updates must name the rows they touch." },
    schema: [],
    messages: {
      missingWhere: "{{method}} without a where touches every row. Add a where that names the rows.",
      emptyWhere: "{{method}} with an empty where touches every row. Name the rows in the where.",
      opaqueArgument: "Pass {{method}}'s arguments inline, with the where written out, so it can be seen to be bounded.",
      rawDelete: "DELETE FROM without a WHERE empties the table. Add a WHERE clause.",
      truncate: "TRUNCATE empties the table. Delete the rows you mean with a WHERE.",
    },
  },
  create(context) {
    function checkSql(node) {
      // Only the outermost piece of a `+` chain is read, so a split statement is judged whole.
      if (node.parent?.type === "BinaryExpression" && node.parent.operator === "+") return;
      if (!reachesDatabase(node)) return;
      const sql = sqlText(node);
      if (!sql) return;
      if (hasUnboundedDelete(sql)) context.report({ node, messageId: "rawDelete" });
      else if (/^\s*TRUNCATE\b|;\s*TRUNCATE\b/i.test(sql)) context.report({ node, messageId: "truncate" });
    }
    return {
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== "MemberExpression" || callee.computed || callee.property.type !== "Identifier") return;
        const method = callee.property.name;
        if (!bulkMethods.has(method)) return;
        const reason = unboundedReason(node);
        if (reason) context.report({ node, messageId: reason, data: { method } });
      },
      Literal: checkSql,
      TemplateLiteral: checkSql,
      BinaryExpression: checkSql,
    };
  },
};

export const newsroomPlugin = { meta: { name: "newsroom" }, rules: { "no-unbounded-write": noUnboundedWrite } };
