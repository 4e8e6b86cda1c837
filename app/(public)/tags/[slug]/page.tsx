import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { StoryArchive } from "@/components/public/story-archive";
import { getTag, listLatest } from "@/lib/services/public-articles";

// Cached, and revalidated whenever a story with this tag is published, edited or taken down.
export const revalidate = 3600;

export function generateStaticParams(): { slug: string }[] {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const tag = await getTag(slug);
  if (!tag) return {};
  return { title: tag.name, description: `Stories about ${tag.name}.`, alternates: { canonical: `/tags/${tag.slug}`, types: { "application/rss+xml": "/feed.xml" } } };
}

export default async function TagPage({ params }: Props) {
  const { slug } = await params;
  const tag = await getTag(slug);
  if (!tag) notFound();
  const page = await listLatest({ limit: 20, tagSlug: tag.slug });
  return (
    <StoryArchive
      kicker="Topic"
      title={<bdi>{tag.name}</bdi>}
      page={page}
      olderHref={`/latest?tag=${encodeURIComponent(tag.slug)}`}
      empty={`No stories about ${tag.name} yet.`}
    />
  );
}
