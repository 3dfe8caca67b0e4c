/** The demo accounts seeded in embedded mode; tests sign in with these. */
export { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@samspill/demo';
