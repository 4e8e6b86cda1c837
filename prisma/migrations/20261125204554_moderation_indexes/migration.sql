-- CreateIndex
CREATE INDEX "Comment_body_idx" ON "Comment" USING GIN ("body" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Comment_authorName_idx" ON "Comment" USING GIN ("authorName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "ModerationAction_batchId_idx" ON "ModerationAction"("batchId");
