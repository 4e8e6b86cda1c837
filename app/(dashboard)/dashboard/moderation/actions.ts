"use server";

import { staffCommand } from "@/lib/actions/staff-action";
import { banCommentAuthor } from "@/lib/services/bans";
import { decideComment, decideComments, queueCounts, replyAsStaff } from "@/lib/services/moderation";
import { banFromCommentSchema, bulkModerateSchema, moderateCommentSchema, queueFilterSchema, staffReplySchema } from "@/lib/validation/moderation";

// Called from the queue's client code; every call re-checks session and role (staffCommand).

// The queue badges, read again after the desk's decisions (components/moderation/queue-counts.ts).
export const queueCountsAction = staffCommand("comment:moderate", queueFilterSchema, (filter) => queueCounts(filter));

export const moderateCommentAction = staffCommand("comment:moderate", moderateCommentSchema, (input, user) => decideComment(input, user));

export const bulkModerateAction = staffCommand("comment:moderate", bulkModerateSchema, (input, user) => decideComments(input, user));

export const staffReplyAction = staffCommand("comment:moderate", staffReplySchema, (input, user) => replyAsStaff(input, user));

export const banFromCommentAction = staffCommand("commenter:ban", banFromCommentSchema, (input, user) => banCommentAuthor(input, user));
