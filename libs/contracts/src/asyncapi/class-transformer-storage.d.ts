// class-transformer ships its metadata storage at cjs/storage without a declaration beside it (its declarations
// live under types/), and class-validator-jsonschema needs that storage to resolve nested @Type classes.
declare module 'class-transformer/cjs/storage' {
  export { defaultMetadataStorage } from 'class-transformer/types/storage';
}
