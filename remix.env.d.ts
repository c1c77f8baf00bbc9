/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />

// Loaders and actions return plain objects or `data()` (single fetch); type them that way.
declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true;
  }
}

export {};
