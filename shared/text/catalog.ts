// The shape of one area's wording in one language: a function for every code of the area, so a
// code without words is a type error (STYLE.md habit 11).
export type Catalog<M extends { readonly code: string }> = { readonly [C in M['code']]: (message: Extract<M, { readonly code: C }>) => string };
