import type { MetadataRoute } from "next";
import { env } from "@/lib/env";

/** /robots.txt — everything public may be crawled; the dashboard, sign-in, API and search results not. */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: "*", allow: "/", disallow: ["/dashboard", "/login", "/api/", "/search", "/latest", "/articles/*/reply/"] }],
    sitemap: `${env.SITE_URL}/sitemap.xml`,
  };
}
