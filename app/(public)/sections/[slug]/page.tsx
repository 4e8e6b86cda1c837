import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { StoryArchive } from "@/components/public/story-archive";
import { getSection, listLatest } from "@/lib/services/public-articles";

// Cached, and revalidated whenever a story of this section is published, edited or taken down.
export const revalidate = 3600;

export function generateStaticParams(): { slug: string }[] {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const section = await getSection(slug);
  if (!section) return {};
  return {
    title: section.name,
    description: section.description || `The latest ${section.name} stories.`,
    alternates: {
      canonical: `/sections/${section.slug}`,
      types: { "application/rss+xml": [{ url: `/sections/${section.slug}/feed.xml`, title: `${section.name}: latest stories` }] },
    },
  };
}

export default async function SectionPage({ params }: Props) {
  const { slug } = await params;
  const section = await getSection(slug);
  if (!section) notFound();
  const page = await listLatest({ limit: 20, sectionSlug: section.slug });
  return (
    <StoryArchive
      kicker="Section"
      title={section.name}
      description={section.description ? <p>{section.description}</p> : null}
      page={page}
      olderHref={`/latest?section=${encodeURIComponent(section.slug)}`}
      feedHref={`/sections/${section.slug}/feed.xml`}
      empty={`Nothing has been published in ${section.name} yet.`}
    />
  );
}
