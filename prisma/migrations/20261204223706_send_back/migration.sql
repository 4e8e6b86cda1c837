-- AlterEnum
ALTER TYPE "RevisionKind" ADD VALUE 'SEND_BACK';

-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "sentBackRevisionId" UUID;

-- AlterTable
ALTER TABLE "ArticleRevision" ADD COLUMN     "note" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Article_sentBackRevisionId_key" ON "Article"("sentBackRevisionId");

-- AddForeignKey
ALTER TABLE "Article" ADD CONSTRAINT "Article_sentBackRevisionId_fkey" FOREIGN KEY ("sentBackRevisionId") REFERENCES "ArticleRevision"("id") ON DELETE SET NULL ON UPDATE CASCADE;
