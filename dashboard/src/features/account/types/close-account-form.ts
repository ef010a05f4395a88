import { z } from 'zod'

export type CloseAccountFormValues = {
  /** Typed by the user to confirm which account goes. */
  email: string
  password: string
}

export type CloseAccountRequest = { password: string }

/**
 * The confirmation for closing `accountEmail`: the email typed again (case and surrounding spaces do not
 * matter) and the password, which the API asks for before it closes an account.
 */
export function closeAccountFormSchema(accountEmail: string): z.ZodType<CloseAccountRequest, CloseAccountFormValues> {
  return z
    .object({
      email: z
        .string()
        .trim()
        .min(1, 'Type your email address to confirm')
        .refine((email) => email.toLowerCase() === accountEmail.toLowerCase(), {
          message: `Type ${accountEmail} exactly, to confirm it is this account you are closing`,
        }),
      password: z.string().min(1, 'Enter your password'),
    })
    .transform(({ password }): CloseAccountRequest => ({ password }))
}
