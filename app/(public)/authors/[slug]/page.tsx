import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { StoryArchive } from "@/components/public/story-archive";
import { getAuthor, listLatest } from "@/lib/services/public-articles";

// Cached, and revalidated whenever a story with this byline is published, edited or taken down.
export const revalidate = 3600;

export function generateStaticParams(): { slug: string }[] {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const author = await getAuthor(slug);
  if (!author) return {};
  return {
    title: author.name,
    description: author.bio || `Stories by ${author.name}.`,
    alternates: { canonical: `/authors/${author.slug}`, types: { "application/rss+xml": "/feed.xml" } },
    openGraph: { type: "profile", title: author.name, url: `/authors/${author.slug}` },
  };
}

/** A staff member's public page: bio and bylines. Staff without a published story have none. */
export default async function AuthorPage({ params }: Props) {
  const { slug } = await params;
  const author = await getAuthor(slug);
  if (!author) notFound();
  const page = await listLatest({ limit: 20, authorSlug: author.slug });
  return (
    <StoryArchive
      kicker="Author"
      title={<bdi>{author.name}</bdi>}
      description={author.bio ? <p dir="auto">{author.bio}</p> : null}
      page={page}
      olderHref={`/latest?author=${encodeURIComponent(author.slug)}`}
      empty={`${author.name} has no published stories.`}
    />
  );
}
