import { describe, expect, it } from 'vitest'
import { addKeyFormSchema, adminKeyFormatProblem, apiKeyFormatProblem } from '@/features/api-keys/types/forms'

const form = {
  provider: 'ANTHROPIC',
  label: ' Production ',
  key: 'sk-ant-api03-abcdefgh',
  adminKey: '',
  probing: true,
  pollIntervalSeconds: '60',
}

describe('key formats', () => {
  it('accepts the documented prefixes', () => {
    expect(apiKeyFormatProblem('ANTHROPIC', 'sk-ant-api03-abc')).toBeNull()
    expect(apiKeyFormatProblem('OPENAI', 'sk-proj-abc')).toBeNull()
    expect(apiKeyFormatProblem('OPENAI', 'sk-abc')).toBeNull()
    expect(adminKeyFormatProblem('ANTHROPIC', 'sk-ant-admin01-abc')).toBeNull()
    expect(adminKeyFormatProblem('OPENAI', 'sk-admin-abc')).toBeNull()
  })

  it('says which prefix a key of the chosen provider has', () => {
    expect(apiKeyFormatProblem('ANTHROPIC', 'abc')).toBe('Anthropic API keys start with sk-ant-api03-')
    expect(apiKeyFormatProblem('OPENAI', 'abc')).toBe('OpenAI API keys start with sk- or sk-proj-')
    expect(adminKeyFormatProblem('OPENAI', 'sk-proj-abc')).toBe('OpenAI Admin keys start with sk-admin-')
  })

  it('recognises a key pasted in the wrong place', () => {
    expect(apiKeyFormatProblem('ANTHROPIC', 'sk-ant-admin01-abc')).toMatch(/^This is an Admin key/)
    expect(apiKeyFormatProblem('OPENAI', 'sk-admin-abc')).toMatch(/^This is an Admin key/)
    expect(apiKeyFormatProblem('OPENAI', 'sk-ant-api03-abc')).toMatch(/^This is an Anthropic key/)
    expect(apiKeyFormatProblem('ANTHROPIC', 'sk-proj-abc')).toMatch(/^This looks like an OpenAI key/)
  })

  it('rejects a bare prefix', () => {
    expect(apiKeyFormatProblem('ANTHROPIC', 'sk-ant-api03-')).toBe('Paste the whole key, not just its beginning')
  })
})

describe('addKeyFormSchema', () => {
  it('turns the form into a request body, leaving out an empty Admin key', () => {
    expect(addKeyFormSchema.parse(form)).toEqual({
      provider: 'ANTHROPIC',
      label: 'Production',
      key: 'sk-ant-api03-abcdefgh',
      probing: true,
      pollIntervalSeconds: 60,
    })
  })

  it('reports every wrong field at once', () => {
    const result = addKeyFormSchema.safeParse({ ...form, label: '', key: 'nope', adminKey: 'nope' })
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['label', 'key', 'adminKey'])
  })
})
