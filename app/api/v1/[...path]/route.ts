import { apiRoute } from "@/lib/api/respond";
import { preflight } from "@/lib/api/v1";
import { AppError } from "@/lib/errors";

/** Any other address under /api/v1 answers in the API's own error shape, not with the HTML 404 page. */
const unknownEndpoint = apiRoute(async () => {
  throw new AppError("not_found", "There is no such API endpoint. See the README for the endpoints of API v1.");
});

export const GET = unknownEndpoint;
export const POST = unknownEndpoint;
export const PUT = unknownEndpoint;
export const PATCH = unknownEndpoint;
export const DELETE = unknownEndpoint;
export const OPTIONS = preflight;
