import { useState } from 'preact/hooks';
import { t } from '../i18n/i18n.js';
import { EquipmentTree } from './equipment-tree.js';
import { MachineMappings } from './machine-mappings.js';
import { MaterialsTable } from './materials-table.js';
import { RevisionsPanel } from './revisions-panel.js';

/** What the engineer set up: the equipment hierarchy, the materials, the products' revisions and the machine mappings. */
export function MasterDataPage() {
  const [product, setProduct] = useState<string | null>(null);
  return (
    <div class="master-data">
      <h1>{t('md.title')}</h1>
      <div class="two-columns wide-right">
        <EquipmentTree />
        <div>
          <MaterialsTable onPick={(id) => { setProduct(id); requestAnimationFrame(() => document.getElementById('revisions-title')?.focus()); }} />
          {product && <RevisionsPanel materialId={product} />}
        </div>
      </div>
      <MachineMappings />
    </div>
  );
}
