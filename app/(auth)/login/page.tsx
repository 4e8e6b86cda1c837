import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import styles from "@/components/auth/sign-in.module.css";
import { getCurrentUser } from "@/lib/auth";
import { afterSignInPath } from "@/lib/validation/auth";

export const metadata: Metadata = { title: "Staff sign in", robots: { index: false } };

type Props = { searchParams: Promise<{ callbackUrl?: string | string[] }> };

export default async function LoginPage({ searchParams }: Props) {
  const { callbackUrl } = await searchParams;
  const destination = afterSignInPath.parse(callbackUrl);
  if (await getCurrentUser()) redirect(destination);
  return (
    <main id="main" className={styles.page}>
      <div className={styles.card}>
        <p className={styles.brand}>
          <Link href="/">Newsroom</Link>
        </p>
        <h1 className={styles.title}>Staff sign in</h1>
        <SignInForm callbackUrl={destination} />
      </div>
    </main>
  );
}
