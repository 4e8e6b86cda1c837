import "server-only";
import { env } from "@/lib/env";
import { LocalDiskStorage } from "./local-disk";

/**
 * Where uploaded files live. One small interface so that an object-store
 * driver (S3 and the like) can replace the local disk without touching callers.
 */
export interface Storage {
  put(key: string, data: Buffer): Promise<void>;
  /** The file's bytes, or null when there is no such key. */
  get(key: string): Promise<Buffer | null>;
  delete(key: string): Promise<void>;
}

let storage: Storage | undefined;

export function getStorage(): Storage {
  storage ??= new LocalDiskStorage(env.UPLOAD_DIR);
  return storage;
}
