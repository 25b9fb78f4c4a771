import { useEffect } from 'preact/hooks';
import { ProductSection } from '../../components/products/ProductSection.tsx';
import '../../components/products/products.css';
import type { Locale } from '../../components/i18n.ts';
import { productState, startInsights } from './chat-model.ts';
import { copyText } from './live-model.ts';
import {
  cancelEdit,
  deleteEditedProduct,
  editError,
  editing,
  editProduct,
  importError,
  importedName,
  importProduct,
  saveEditedProduct,
  selectProduct,
} from './product-model.ts';

/** Connects the product section (inside the Live tab) to its model. */
export function ProductsPanel({ locale }: { locale: Locale }) {
  // Connect after the first paint: the Live feed comes first.
  useEffect(() => startInsights(), []);
  return (
    <ProductSection
      locale={locale}
      state={productState.value}
      importError={importError.value}
      importedName={importedName.value}
      onImport={(f) => void importProduct(f)}
      onSelect={selectProduct}
      onCopy={copyText}
      editing={editing.value?.record ?? null}
      editError={editError.value}
      onEdit={(id) => void editProduct(id)}
      onSaveEdit={saveEditedProduct}
      onDeleteEdit={deleteEditedProduct}
      onCancelEdit={cancelEdit}
    />
  );
}
