import pino from "pino";

// Structured logs on stdout; never request bodies, passwords, codes or secrets.
export const logger = pino({ level: process.env.LOG_LEVEL ?? "info", base: undefined });
