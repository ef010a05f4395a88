import { z } from 'zod'

const emailField = z
  .string()
  .trim()
  .min(1, 'Enter your email address')
  .pipe(z.email('Enter a valid email address, like name@example.com'))

const passwordField = z.string().min(12, 'Password must be at least 12 characters')

export const loginFormSchema = z.object({
  email: emailField,
  password: passwordField,
})
export type LoginInput = z.infer<typeof loginFormSchema>

export const registerFormSchema = z
  .object({
    displayName: z
      .string()
      .trim()
      .min(1, 'Enter a display name')
      .max(100, 'Display name must be at most 100 characters'),
    email: emailField,
    password: passwordField,
  })
  .refine((input) => input.password.trim().toLowerCase() !== input.email.toLowerCase(), {
    path: ['password'],
    message: 'Password must not be the same as your email address',
  })
export type RegisterInput = z.infer<typeof registerFormSchema>
