import { z } from 'zod';

/** One package the app carries and its licence, as its package.json states it. */
export const PackageLicenseSchema = z.object({
  name: z.string().max(214),
  version: z.string().max(256),
  license: z.string().max(1000),
});

/** What the About dialog shows: the app's version and the licences of every package it carries (made at build time). */
export const AboutSchema = z.object({
  name: z.string().max(214),
  version: z.string().max(256),
  packages: z.array(PackageLicenseSchema).max(10_000),
});
export type About = z.output<typeof AboutSchema>;
