import Image from "next/image";
import { mediaUrl } from "@/lib/storage/urls";
import styles from "./article.module.css";

interface Props {
  image: { key: string; width: number; height: number } | null;
  alt: string;
  caption: string;
  credit: string;
}

export function FeaturedImage({ image, alt, caption, credit }: Props) {
  if (!image) return null;
  return (
    <figure className={styles.figure}>
      {/* Already resized and re-encoded on upload; no second optimisation pass. */}
      <Image
        src={mediaUrl(image.key)}
        width={image.width}
        height={image.height}
        alt={alt}
        unoptimized
        priority
        sizes="(max-width: 72rem) 100vw, 72rem"
      />
      {caption || credit ? (
        <figcaption>
          {caption ? <span dir="auto">{caption}</span> : null}
          {credit ? (
            <span className={styles.credit}>
              {" "}
              Photo: <bdi>{credit}</bdi>
            </span>
          ) : null}
        </figcaption>
      ) : null}
    </figure>
  );
}
