/**
 * Word-for-word glossary of the SMS domain, Spanish, French and German to
 * English: enough to turn a short support question into searchable English
 * terms offline. Words not listed are kept as they are (names, numbers, codes).
 */
/** Articles and other function words that add nothing to a search: dropped in translation. */
export const functionWords: Record<string, string[]> = {
  es: ['el', 'la', 'los', 'las', 'un', 'una', 'de', 'del', 'en', 'mi', 'mis', 'se', 'y', 'o', 'lo'],
  fr: ['le', 'la', 'les', 'un', 'une', 'de', 'des', 'du', 'en', 'mon', 'mes', 'je', 'et', 'ou', 'est'],
  de: ['der', 'die', 'das', 'ein', 'eine', 'ich', 'mein', 'meine', 'und', 'oder', 'ist', 'von', 'den', 'dem'],
}

export const glossary: Record<string, Record<string, string>> = {
  es: {
    cómo: 'how', como: 'how', configuro: 'configure', configurar: 'configure', ajustes: 'settings',
    configuración: 'settings', enviar: 'send', envío: 'send', mensaje: 'message', mensajes: 'messages',
    precio: 'price', precios: 'prices', cuesta: 'cost', informe: 'report', informes: 'reports',
    entrega: 'delivery', entregado: 'delivered', fallido: 'failed', error: 'error', código: 'code',
    remitente: 'sender', plantilla: 'template', plantillas: 'templates', baja: 'opt-out', número: 'number',
    números: 'numbers', país: 'country', clave: 'key', límite: 'limit', por: 'per', qué: 'what',
    segundo: 'second', caracteres: 'characters', segmento: 'segment', segmentos: 'segments',
  },
  fr: {
    comment: 'how', configurer: 'configure', paramètres: 'settings', réglages: 'settings', envoyer: 'send',
    envoi: 'send', message: 'message', messages: 'messages', prix: 'price', coût: 'cost',
    rapport: 'report', rapports: 'reports', livraison: 'delivery', remise: 'delivery', échoué: 'failed',
    erreur: 'error', code: 'code', expéditeur: 'sender', modèle: 'template', modèles: 'templates',
    désinscription: 'opt-out', numéro: 'number', numéros: 'numbers', pays: 'country', clé: 'key',
    limite: 'limit', par: 'per', seconde: 'second', caractères: 'characters', segment: 'segment',
  },
  de: {
    wie: 'how', konfiguriere: 'configure', konfigurieren: 'configure', einstellungen: 'settings',
    senden: 'send', versenden: 'send', nachricht: 'message', nachrichten: 'messages', preis: 'price',
    kosten: 'cost', bericht: 'report', zustellbericht: 'delivery report', zustellberichte: 'delivery reports', zustellung: 'delivery',
    fehlgeschlagen: 'failed', fehler: 'error', absender: 'sender', vorlage: 'template', vorlagen: 'templates',
    abmeldung: 'opt-out', nummer: 'number', land: 'country', schlüssel: 'key', limit: 'limit',
    pro: 'per', sekunde: 'second', zeichen: 'characters', segment: 'segment',
  },
}
