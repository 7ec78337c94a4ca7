import type { enSignatures } from './en-signatures.js';

/** Elektronische Unterschriften und Chargenfreigabe. */
export const deSignatures: Record<keyof typeof enSignatures, string> = {
  'signature.title': 'Elektronische Unterschrift',
  'signature.what': 'Sie unterschreiben: {action} {id}',
  'signature.username': 'Benutzername',
  'signature.password': 'Passwort',
  'signature.meaning': 'Bedeutung der Unterschrift',
  'signature.comment': 'Kommentar (optional)',
  'signature.witness': 'Zeuge (eine zweite Person)',
  'signature.binding': 'Die Unterschrift wird mit Ihrem Namen, der Zeit und ihrer Bedeutung an diesen Datensatz gebunden (SHA-256 {hash}…).',
  'signature.sign': 'Unterschreiben',
  'signature.action.lot.release': 'Freigabe der Charge',
  'signature.action.revision.approve': 'Genehmigung der Produktrevision für',
  'signature.action.nonconformance.disposition': 'Entscheidung zur Abweichung',
  'signature.action.operation.complete-critical': 'Abschluss des kritischen Schritts',
  'signature.action.batch-record.review': 'Prüfung des Chargenprotokolls von',
  'signature.action.batch-record.release': 'Freigabe des Chargenprotokolls von',
  'signature.meaning.authored': 'verfasst',
  'signature.meaning.reviewed': 'geprüft',
  'signature.meaning.approved': 'genehmigt',
  'signature.meaning.responsible': 'verantwortlich',
  'signature.meaning.witnessed': 'bezeugt',
  'lotRelease.reason': 'Grund der Freigabe',
  'lotRelease.release': 'Freigeben',
};
