/** What the upload route answers for a stored image. */
export interface UploadedImage {
  id: string;
  url: string;
  width: number;
  height: number;
}

export class UploadError extends Error {}

/** Sends one image to the dashboard's upload route; throws UploadError with a message for the person. */
export async function uploadImage(file: File): Promise<UploadedImage> {
  if (file.size > 10 * 1024 * 1024) throw new UploadError("Images can be at most 10 MB.");
  const form = new FormData();
  form.append("image", file);
  let response: Response;
  try {
    response = await fetch("/api/media", { method: "POST", body: form, credentials: "same-origin" });
  } catch {
    throw new UploadError("The upload did not reach the server. Check your connection and try again.");
  }
  const answer = (await response.json().catch(() => null)) as
    | (UploadedImage & { error?: undefined })
    | { error: { message: string; fields?: Record<string, string[]> } }
    | null;
  if (!response.ok || !answer || answer.error) {
    throw new UploadError(answer?.error?.fields?.image?.[0] ?? answer?.error?.message ?? "The image could not be uploaded.");
  }
  return answer;
}
