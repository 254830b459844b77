// Sends a picked picture to the backend as a product's photo. Kept apart from photos.ts,
// which stays free of Tauri so it can be unit-tested.
import { commands, type Product } from "./bindings";
import { UNEXPECTED, call, type Outcome } from "./invoke";
import { readFileBytes } from "./stock";

/** Reads the file and stores it as the photo of `product` (id, SKU or barcode). */
export async function uploadProductPhoto(product: string, file: Blob): Promise<Outcome<Product>> {
  let bytes: number[];
  try {
    bytes = await readFileBytes(file);
  } catch (e) {
    console.error("reading the photo file failed", e);
    return { ok: false, error: UNEXPECTED };
  }
  return call("set_product_photo", () => commands.setProductPhoto(product, bytes));
}

/**
 * A picked picture as a data: URL, for the preview before it is saved (the page's CSP allows
 * data: images, not blob: ones).
 */
export function readDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => (typeof reader.result === "string" ? resolve(reader.result) : reject(new Error("no data URL")));
    reader.onerror = () => reject(reader.error ?? new Error("read failed"));
    reader.readAsDataURL(file);
  });
}
