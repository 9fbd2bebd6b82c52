CREATE TABLE "inbound_idempotency_keys" (
	"token_hash" text NOT NULL,
	"key_hash" text NOT NULL,
	"request_hash" text NOT NULL,
	"status" integer,
	"response" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inbound_idempotency_keys_token_hash_key_hash_pk" PRIMARY KEY("token_hash","key_hash")
);
--> statement-breakpoint
ALTER TABLE "inbound_idempotency_keys" ADD CONSTRAINT "inbound_idempotency_keys_token_hash_flow_endpoints_token_hash_fk" FOREIGN KEY ("token_hash") REFERENCES "public"."flow_endpoints"("token_hash") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inbound_idempotency_keys_created_idx" ON "inbound_idempotency_keys" USING btree ("created_at");