import { z } from 'zod'

// Answers are parsed, not cast: a gateway or proxy error page must not become a "user".
// Ids are treated as opaque strings whether the server sends UUIDs or numbers.
const idField = z.union([z.string(), z.number()]).transform(String)

export const userSchema = z.object({
  id: idField,
  email: z.string(),
  displayName: z.string(),
  workspaceId: idField,
})
export type User = z.output<typeof userSchema>

export const tokenResponseSchema = z.object({
  accessToken: z.string().min(1),
  tokenType: z.string(),
  expiresIn: z.number().positive(),
})
export type TokenResponse = z.infer<typeof tokenResponseSchema>
