import { describe, expect, it } from 'vitest'
import { describeSiteError } from './site-errors'

describe('why the site database cannot be used, in words without the secret', () => {
  const url = 'postgres://stock:s3cr%40t-pw@db.site.local:5432/stockroom'

  it('names the usual failures plainly', () => {
    expect(
      describeSiteError(
        Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { code: 'ECONNREFUSED' }),
        url
      )
    ).toMatch(/refused the connection: is PostgreSQL running/)
    expect(
      describeSiteError(
        Object.assign(new Error('password authentication failed for user "stock"'), { code: '28P01' }),
        url
      )
    ).toBe('The site database refused the user name or password.')
    expect(describeSiteError(new TypeError('Invalid URL'), 'not a url')).toMatch(/not a connection string/)
  })

  it('never repeats the connection string or its password, whatever the driver said', () => {
    const said = describeSiteError(new Error(`could not use ${url} (password s3cr@t-pw)`), url)
    expect(said).not.toContain('s3cr')
    expect(said).not.toContain(url)
    expect(describeSiteError(new Error('at postgres://a:b@h/d'))).toBe(
      'The site database could not be used: at postgres://•••@h/d'
    )
  })
})
