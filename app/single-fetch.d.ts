import "@remix-run/node";

// remix.config.js turns on v3_singleFetch: loaders' data reaches components as turbo-stream values
// (a Date stays a Date), and `data()` responses are unwrapped. This makes the types say the same.
declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}
