import { LiveView } from '../../components/LiveView.tsx';
import type { Locale } from '../../components/i18n.ts';
import { ProductsPanel } from './ProductsPanel.tsx';
import { PickButtons } from '../../components/PickButtons.tsx';
import { pickBusy, pickStatus, startPick } from './pick-model.ts';
import { allowInMyPack } from './allow-model.ts';
import { copyText, dismissBanner, dismissed, ignoreOnce, setProductCategory, snapshot } from './live-model.ts';

/** Connects the Live view component to its model. */
export function LiveTab({ locale }: { locale: Locale }) {
  return (
    <>
    <PickButtons locale={locale} status={pickStatus.value} busy={pickBusy.value} onPick={(kind) => void startPick(kind, locale)} />
    <LiveView
      locale={locale}
      snapshot={snapshot.value}
      dismissed={dismissed.value}
      onIgnore={ignoreOnce}
      onDismiss={dismissBanner}
      onCopy={copyText}
      onAllow={allowInMyPack}
      onProductCategory={setProductCategory}
      products={<ProductsPanel locale={locale} />}
    />
    </>
  );
}
