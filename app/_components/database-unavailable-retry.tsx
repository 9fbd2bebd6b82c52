"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { SERVICE_UNAVAILABLE_RETRY_MS } from "../_lib/service-unavailable";
import { DatabaseUnavailableStatus } from "./database-unavailable-status";

/**
 * A server-rendered page that could not reach the database: says so, and renders the page
 * again on the server every few seconds, so it shows itself once the database is back.
 */
export function DatabaseUnavailableRetry() {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), SERVICE_UNAVAILABLE_RETRY_MS);
    return () => clearInterval(timer);
  }, [router]);
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <DatabaseUnavailableStatus />
    </main>
  );
}
