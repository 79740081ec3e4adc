import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Db } from '../../db/connect.js';
import { today } from '../../lib/clock.js';
import { DateString, Nullable, problemResponses } from '../../lib/schemas.js';
import {
  accountTypeNames,
  accountTypes,
  listCountries,
  listCurrencies,
  listOrganizationTypes,
  listRegions,
} from './reference-data.js';
import { vatRates } from './reference.service.js';
import { useFeatureMessages } from '../../plugins/messages.plugin.js';
import { referenceMessages } from './reference.messages.js';

const CountryQuery = Type.Object(
  { country: Type.Optional(Type.String({ maxLength: 2, description: 'ISO 3166-1 alpha-2, e.g. RU' })) },
  { additionalProperties: false },
);
const Named = { nameEn: Type.String(), nameRu: Type.String() };
/** The country filter in upper case; an empty one (a form's cleared select) means no filter. */
const countryOf = (query: { country?: string }) => query.country?.trim().toUpperCase() || undefined;

export const referenceRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  useFeatureMessages(app, referenceMessages);
  const tags = ['reference'];
  // Reference lists are the same for everyone signed in; a day of browser caching is harmless.
  app.addHook('onSend', async (request, reply) => {
    if (reply.statusCode === 200) void reply.header('cache-control', 'private, max-age=3600');
  });

  app.get(
    '/reference/regions',
    {
      config: { right: 'none' },
      schema: {
        tags,
        summary: 'ISO 3166-2 regions with English and Russian names',
        querystring: CountryQuery,
        response: {
          200: Type.Object({
            items: Type.Array(Type.Object({ code: Type.String(), country: Type.String(), ...Named })),
            countries: Type.Array(Type.Object({ code: Type.String(), ...Named })),
          }),
          ...problemResponses(400, 401),
        },
      },
    },
    (request) => {
      const country = countryOf(request.query);
      return {
        items: [...listRegions(country)],
        countries: listCountries().filter((entry) => !country || entry.code === country),
      };
    },
  );

  app.get(
    '/reference/currencies',
    {
      config: { right: 'none' },
      schema: {
        tags,
        summary: 'ISO 4217 currencies',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                code: Type.String(),
                numeric: Type.String(),
                minorUnits: Type.Integer(),
                ...Named,
              }),
            ),
          }),
          ...problemResponses(401),
        },
      },
    },
    () => ({ items: [...listCurrencies()] }),
  );

  app.get(
    '/reference/organization-types',
    {
      config: { right: 'none' },
      schema: {
        tags,
        summary: "Legal forms: a country's own, then the generic ones",
        querystring: CountryQuery,
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                code: Type.String(),
                country: Nullable(Type.String()),
                kind: Type.Enum(['legal', 'individual']),
                ...Named,
              }),
            ),
          }),
          ...problemResponses(400, 401),
        },
      },
    },
    (request) => {
      return { items: [...listOrganizationTypes(countryOf(request.query))] };
    },
  );

  app.get(
    '/reference/account-types',
    {
      config: { right: 'none' },
      schema: {
        tags,
        summary: 'Billing models',
        response: {
          200: Type.Object({ items: Type.Array(Type.Object({ code: Type.String(), ...Named })) }),
          ...problemResponses(401),
        },
      },
    },
    () => {
      return {
        items: accountTypes.map((code) => ({
          code,
          nameEn: accountTypeNames[code].en,
          nameRu: accountTypeNames[code].ru,
        })),
      };
    },
  );

  app.get(
    '/reference/vat-rates',
    {
      config: { right: 'none' },
      schema: {
        tags,
        summary: 'Dated standard VAT rates by country, and the rate in force on a day',
        querystring: Type.Object(
          { ...CountryQuery.properties, date: Type.Optional(DateString) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({ country: Type.String(), ratePercent: Type.String(), validFrom: Type.String() }),
            ),
            inForce: Nullable(
              Type.Object({
                country: Type.String(),
                date: Type.String(),
                ratePercent: Nullable(Type.String()),
              }),
            ),
          }),
          ...problemResponses(400, 401),
        },
      },
    },
    (request) => vatRates(db, { country: countryOf(request.query), date: request.query.date ?? today() }),
  );
};
