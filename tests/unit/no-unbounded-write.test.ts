import { RuleTester } from "eslint";
import { describe, test } from "vitest";
import { noUnboundedWrite } from "@/eslint-rules/no-unbounded-write.mjs";

// RuleTester declares its cases through the test runner's own functions.
RuleTester.describe = describe;
RuleTester.it = test;

const ruleTester = new RuleTester({ languageOptions: { ecmaVersion: 2024, sourceType: "module" } });

ruleTester.run("no-unbounded-write", noUnboundedWrite, {
  valid: [
    "db.comment.deleteMany({ where: { articleId } })",
    "tx.article.updateMany({ where: { id, version }, data: { title } })",
    "db.setting.deleteMany({ where: { key: { in: keys } } })",
    // A where built elsewhere is the caller's to bound; it is at least written out.
    "db.comment.updateMany({ where: filter, data: { status: 'SPAM' } })",
    "client.query('DELETE FROM \"Comment\" WHERE id = $1', [id])",
    "db.$executeRaw`DELETE FROM \"Ban\" WHERE id = ${id}`",
    "client.query('DELETE FROM rate_limits ' + 'WHERE key LIKE $1', [prefix])",
    "client.query(`SELECT * FROM \"Article\"`)",
    "const sql = 'DELETE FROM rate_limits WHERE expire < now()';",
    // Words in labels and messages are not statements sent to a database.
    "const labels = { trash: 'Delete from the queue' };",
    "db.user.delete({ where: { id } })",
  ],
  invalid: [
    { code: "db.comment.deleteMany()", errors: [{ messageId: "missingWhere" }] },
    { code: "db.comment.deleteMany({})", errors: [{ messageId: "missingWhere" }] },
    { code: "db.setting.deleteMany({ where: {} })", errors: [{ messageId: "emptyWhere" }] },
    { code: "db.comment.updateMany({ data: { status: 'SPAM' } })", errors: [{ messageId: "missingWhere" }] },
    { code: "tx.comment.updateMany({ where: undefined, data: { status: 'SPAM' } })", errors: [{ messageId: "missingWhere" }] },
    { code: "db.comment.deleteMany(args)", errors: [{ messageId: "opaqueArgument" }] },
    { code: "db.comment.updateMany({ ...args, data: {} })", errors: [{ messageId: "opaqueArgument" }] },
    { code: "client.query('DELETE FROM \"Comment\"')", errors: [{ messageId: "rawDelete" }] },
    { code: "db.$executeRaw`delete from \"Ban\"`", errors: [{ messageId: "rawDelete" }] },
    { code: "db.$executeRawUnsafe(`DELETE FROM \"Ban\"; SELECT 1 WHERE true`)", errors: [{ messageId: "rawDelete" }] },
    { code: "client.query('DELETE FROM ' + table)", errors: [{ messageId: "rawDelete" }] },
    { code: "const sql = `DELETE FROM \"Comment\"`; client.query(sql);", errors: [{ messageId: "rawDelete" }] },
    { code: "client.query('TRUNCATE \"Comment\" CASCADE')", errors: [{ messageId: "truncate" }] },
  ],
});
