"use client";

import { useId, useState } from "react";
import { Field } from "@/components/ui/field";
import fieldStyles from "@/components/ui/field.module.css";
import ui from "@/components/dashboard/desk-ui.module.css";
import { uploadImage, UploadError, type UploadedImage } from "./upload";
import styles from "./editor.module.css";

export interface ImageValues {
  image: UploadedImage | null;
  imageAlt: string;
  imageCaption: string;
  imageCredit: string;
}

/** The picture at the top of the story, with what readers and screen readers are told about it. */
export function FeaturedImageField({
  value,
  onChange,
  editable,
  errors,
}: {
  value: ImageValues;
  onChange: (value: ImageValues) => void;
  editable: boolean;
  errors: Record<string, string[] | undefined>;
}) {
  const id = useId();
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const problem = uploadError ?? errors.featuredImageId?.join(" ") ?? null;

  const upload = async (file: File | undefined) => {
    if (!file) return;
    setUploading(true);
    setUploadError(null);
    try {
      onChange({ ...value, image: await uploadImage(file) });
    } catch (failure) {
      setUploadError(failure instanceof UploadError ? failure.message : "The image could not be uploaded.");
    } finally {
      setUploading(false);
    }
  };

  return (
    <section className={ui.panel} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className={ui.panelTitle}>
        Featured image
      </h2>
      {value.image ? (
        // Served from our own media route, already resized on upload.
        // eslint-disable-next-line @next/next/no-img-element
        <img src={value.image.url} width={value.image.width} height={value.image.height} alt={value.imageAlt} className={styles.preview} />
      ) : null}
      {editable ? (
        <div className={fieldStyles.field}>
          <label htmlFor={`${id}-file`} className={fieldStyles.label}>
            {value.image ? "Replace image" : "Upload image"}
          </label>
          <p id={`${id}-hint`} className={fieldStyles.hint}>
            JPEG, PNG, WebP, GIF or AVIF, up to 10 MB. Large images are resized.
          </p>
          <input
            id={`${id}-file`}
            type="file"
            accept="image/*"
            disabled={uploading}
            aria-invalid={problem ? true : undefined}
            aria-describedby={`${id}-hint${problem ? ` ${id}-error` : ""}`}
            onChange={(event) => void upload(event.target.files?.[0])}
          />
          {uploading ? <p className={fieldStyles.hint} role="status">Uploading…</p> : null}
          {problem ? (
            <p id={`${id}-error`} className={fieldStyles.error} role="alert">
              {problem}
            </p>
          ) : null}
        </div>
      ) : null}
      {value.image ? (
        <>
          <Field
            label="Alt text"
            name="imageAlt"
            value={value.imageAlt}
            disabled={!editable}
            onChange={(event) => onChange({ ...value, imageAlt: event.target.value })}
            errors={errors.imageAlt}
            hint="What the picture shows, for readers who cannot see it."
          />
          <Field
            label="Caption"
            name="imageCaption"
            value={value.imageCaption}
            disabled={!editable}
            onChange={(event) => onChange({ ...value, imageCaption: event.target.value })}
            errors={errors.imageCaption}
          />
          <Field
            label="Credit"
            name="imageCredit"
            value={value.imageCredit}
            disabled={!editable}
            onChange={(event) => onChange({ ...value, imageCredit: event.target.value })}
            errors={errors.imageCredit}
            hint="Shown as “Photo: …”."
          />
          {editable ? (
            <button type="button" className={`${ui.buttonDanger} ${ui.small}`} onClick={() => onChange({ image: null, imageAlt: "", imageCaption: "", imageCredit: "" })}>
              Remove image
            </button>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
