export const E2E_PORT = Number(process.env.E2E_PORT ?? 3123);
export const BASE_URL = `http://localhost:${E2E_PORT}`;
