import { generateClient } from "./db/prisma-cli";

// `npm run db:generate` (and postinstall): the Prisma client into lib/generated/prisma, offline too.
generateClient().then((code) => process.exit(code));
