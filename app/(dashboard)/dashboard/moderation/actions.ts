"use server";

import { staffCommand } from "@/lib/actions/staff-action";
import { banCommentAuthor } from "@/lib/services/bans";
import { decideComment, decideComments, replyAsStaff } from "@/lib/services/moderation";
import { banFromCommentSchema, bulkModerateSchema, moderateCommentSchema, staffReplySchema } from "@/lib/validation/moderation";

// Called from the queue's client code; every call re-checks session and role (staffCommand).

export const moderateCommentAction = staffCommand("comment:moderate", moderateCommentSchema, (input, user) => decideComment(input, user));

export const bulkModerateAction = staffCommand("comment:moderate", bulkModerateSchema, (input, user) => decideComments(input, user));

export const staffReplyAction = staffCommand("comment:moderate", staffReplySchema, (input, user) => replyAsStaff(input, user));

export const banFromCommentAction = staffCommand("commenter:ban", banFromCommentSchema, (input, user) => banCommentAuthor(input, user));
