/** What other modules may import from the catalog. */
export { getProduct, createProduct, updateProduct } from './products.ts';
export { listProducts, productsByIds } from './browse.ts';
export { searchProducts, suggest } from './search.ts';
export { audienceOf, partnerBrandId, managesBrand } from './access.ts';
export { presentImage, resolveImages } from './images.ts';
export { recordInquiryAnswer } from './inquiry-answers.ts';
// Stock moves lock a product's row before its variants', as the house office's stock edits do (inventory.ts).
export { purchasableProducts, reserveStock, releaseStock, type PurchasableProduct, type StockLine } from './inventory.ts';
export { invalidateCatalog, stockMoved } from './catalog-cache.ts';
export type { Audience } from './access.ts';
