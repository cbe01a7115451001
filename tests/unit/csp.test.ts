import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, endpointOrigin } from '../../src/lib/csp.ts';

describe('contentSecurityPolicy', () => {
  it('allows only the own origin without a report endpoint', () => {
    expect(contentSecurityPolicy(null)).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; form-action 'self'; base-uri 'self'; object-src 'none'",
    );
  });

  it('adds the endpoint origin (not its path) to connect-src and form-action only', () => {
    const p = contentSecurityPolicy('https://api.example.gov.cn:8443/reports/new?x=1');
    expect(p).toContain("connect-src 'self' https://api.example.gov.cn:8443;");
    expect(p).toContain("form-action 'self' https://api.example.gov.cn:8443;");
    expect(p.match(/api\.example/g)).toHaveLength(2);
  });

  it('lets a portal load search bundles from other hosts, and nothing else from them', () => {
    const p = contentSecurityPolicy(null, ['https://a.example.gov.cn', 'https://a.example.gov.cn']);
    expect(p).toContain("script-src 'self' https://a.example.gov.cn 'wasm-unsafe-eval';");
    expect(p).toContain("connect-src 'self' https://a.example.gov.cn;");
    expect(p.match(/a\.example/g)).toHaveLength(2);
  });

  it('ignores endpoints that are not http(s) URLs', () => {
    expect(endpointOrigin('javascript:alert(1)')).toBeNull();
    expect(endpointOrigin('not a url')).toBeNull();
    expect(endpointOrigin(undefined)).toBeNull();
    expect(contentSecurityPolicy('data:text/plain,x')).toBe(contentSecurityPolicy(null));
  });
});
