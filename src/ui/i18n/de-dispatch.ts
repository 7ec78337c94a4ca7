import type { enDispatch } from './en-dispatch.js';

/** Deutsche Texte der Reihenfolgeplanung (Arbeitsvorrat je Arbeitsplatz). */
export const deDispatch: Record<keyof typeof enDispatch, string> = {
  'nav.dispatch': 'Reihenfolge',
  'dispatch.title': 'Reihenfolgeplanung',
  'dispatch.intro': 'Der Arbeitsvorrat jedes Arbeitsplatzes, wie ihn sein Terminal zeigt. Verschieben ändert die Priorität des Auftrags, er rückt also an jedem Arbeitsplatz vor, an dem er wartet; jede Änderung wird protokolliert.',
  'dispatch.readOnly': 'Der Arbeitsvorrat jedes Arbeitsplatzes, wie ihn sein Terminal zeigt. Nur Schichtleiter ändern die Reihenfolge.',
  'dispatch.allWorkCenters': 'Alle Arbeitsplätze',
  'dispatch.noWorkCenters': 'Noch keine Arbeitsplätze.',
  'dispatch.empty': 'Hier wartet nichts.',
  'dispatch.place': 'Platz {n}',
  'dispatch.fixed': 'läuft oder pausiert: bleibt oben',
  'dispatch.top': 'Nach oben',
  'dispatch.up': 'Hoch',
  'dispatch.down': 'Runter',
  'dispatch.topLabel': 'Auftrag {id} ganz nach oben',
  'dispatch.upLabel': 'Auftrag {id} einen Platz hoch',
  'dispatch.downLabel': 'Auftrag {id} einen Platz runter',
  'dispatch.setPriority': 'Setzen',
  'dispatch.setPriorityLabel': 'Priorität von Auftrag {id} setzen',
  'dispatch.moved': 'Auftrag {id} steht jetzt auf Platz {n} an {wc}.',
  'dispatch.prioritySet': 'Auftrag {id} hat jetzt Priorität {priority}.',
  'violation.NOT_IN_DISPATCH_LIST': 'Auftrag {workOrderId} wartet nicht mehr an {workCenterId} (laufende und pausierte Schritte bleiben oben).',
  'violation.DISPATCH_LIST_FULL': 'An {workCenterId} warten mehr als {max} Aufträge: Prioritäten stattdessen einzeln setzen.',
};
