import type { FastifyInstance } from 'fastify';
import {
  localeFrom,
  type Locale,
  type MessageCatalogue,
  type Messages,
  type Translator,
} from '../lib/messages.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The catalogue of the feature the route belongs to: its form labels name the fields in errors. */
    messages?: MessageCatalogue;
  }
  interface FastifyRequest {
    /** The caller's language, from Accept-Language. */
    readonly locale: Locale;
    /** Messages in the caller's language, with the labels of the route's feature. */
    readonly translator: Translator;
  }
}

/** Gives every request its language and its translator (error answers, import reports, run issues). */
export function registerMessages(app: FastifyInstance, messages: Messages) {
  app.decorateRequest('locale', {
    getter(this: { headers: Record<string, string | string[] | undefined> }) {
      const header = this.headers['accept-language'];
      return localeFrom(Array.isArray(header) ? header[0] : header);
    },
  });
  app.decorateRequest('translator', {
    getter(this: { locale: Locale; routeOptions?: { config?: { messages?: MessageCatalogue } } }) {
      // A URL the router refused (frameworkErrors) has no route, so no feature.
      return messages.translator(this.locale, this.routeOptions?.config?.messages);
    },
  });
}

/**
 * Declares the catalogue of the routes a feature registers after this call (and of its child plugins):
 * their errors name fields with the feature's form labels.
 */
export function useFeatureMessages(app: FastifyInstance, catalogue: MessageCatalogue) {
  app.addHook('onRoute', (route) => {
    route.config = { ...route.config, messages: catalogue };
  });
}
