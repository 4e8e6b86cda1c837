-- The editor's key for a story it created (retries find the story instead of making another),
-- and whether the slug still follows the title. Existing stories get NULL for both: no key, and a
-- slug source the editor judges from the slug itself until their next save records it.

-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "creationKey" UUID,
ADD COLUMN     "slugFollowsTitle" BOOLEAN;

-- CreateIndex
CREATE UNIQUE INDEX "Article_creationKey_key" ON "Article"("creationKey");
