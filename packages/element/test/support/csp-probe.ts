// Loaded as a classic script before the element in the strict-CSP page (csp.test.ts): collects every Content
// Security Policy violation of that page where the test can read it.
{
  const violations: string[] = [];
  (window as unknown as { cspViolations: string[] }).cspViolations = violations;
  document.addEventListener('securitypolicyviolation', (event) => {
    violations.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}: ${event.sample}`);
  });
}
