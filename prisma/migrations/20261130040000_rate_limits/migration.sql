-- Rate-limit counters shared by every app process (rate-limiter-flexible's RateLimiterPostgres layout):
-- key = limiter prefix and key, points spent, expire = end of the window in epoch milliseconds.
CREATE TABLE "RateLimit" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

CREATE INDEX "RateLimit_expire_idx" ON "RateLimit"("expire");
