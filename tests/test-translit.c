/* test-translit.c — table-driven tests of Serbian transliteration and search folding
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "sofra-collate.h"
#include "sofra-translit.h"

typedef struct
{
  const char *input;
  const char *expected;
} Case;

/* Cyrillic → Latin: every letter, digraph case, text that stays as it is. */
static const Case to_latin_cases[] = {
  { "Београд", "Beograd" },
  { "абвгдђежзијклљмнњопрстћуфхцчџш", "abvgdđežzijklljmnnjoprstćufhcčdžš" },
  { "АБВГДЂЕЖЗИЈКЛЉМНЊОПРСТЋУФХЦЧЏШ", "ABVGDĐEŽZIJKLLJMNNJOPRSTĆUFHCČDŽŠ" },
  { "Љубљана", "Ljubljana" },
  { "ЉУБЉАНА", "LJUBLJANA" },
  { "Његош", "Njegoš" },
  { "ЊЕГОШ", "NJEGOŠ" },
  { "Џон", "Džon" },
  { "ЏОН", "DŽON" },
  { "КРАЉ", "KRALJ" },
  { "Краљ", "Kralj" },
  { "Љ", "Lj" },
  { "ЉЉ", "LJLJ" },
  { "Ђорђевић", "Đorđević" },
  { "Митровица, 12. мај 2026.", "Mitrovica, 12. maj 2026." },
  { "Mitrovicë / Митровица", "Mitrovicë / Mitrovica" },
  { "ASCII only, unchanged!", "ASCII only, unchanged!" },
  { "", "" },
  /* Russian and other Cyrillic words that Serbian does not spell stay Cyrillic. */
  { "Россия и Србија", "Россия i Srbija" },
  { "Київ", "Київ" },
  { "ѐ ѝ", "è ì" },
  { "ш\xcc\x81", "š\xcc\x81" },
  { "инјекција", "injekcija" },
};

/* Latin → Cyrillic: digraphs, the words where they stay apart, case, foreign words. */
static const Case to_cyrillic_cases[] = {
  { "Beograd", "Београд" },
  { "abvgdđežzijklljmnnjoprstćufhcčdžš", "абвгдђежзијклљмнњопрстћуфхцчџш" },
  { "Ljubljana", "Љубљана" },
  { "LJUBLJANA", "ЉУБЉАНА" },
  { "ljubljana", "љубљана" },
  { "Njegoš", "Његош" },
  { "NJEGOŠ", "ЊЕГОШ" },
  { "Džon", "Џон" },
  { "DŽON", "ЏОН" },
  { "KRALJ", "КРАЉ" },
  { "Đorđević", "Ђорђевић" },
  { "Mitrovica", "Митровица" },
  /* The exceptions: a prefix and a stem meet, and the two letters stay apart. */
  { "nadživeti", "надживети" },
  { "Nadživeti", "Надживети" },
  { "NADŽIVETI", "НАДЖИВЕТИ" },
  { "nadživljavati", "надживљавати" },
  { "nadžnjeti", "наджњети" },
  { "podžupan", "поджупан" },
  { "Podžupanija", "Поджупанија" },
  { "podžanr", "поджанр" },
  { "predžetveni", "преджетвени" },
  { "injekcija", "инјекција" },
  { "INJEKCIJA", "ИНЈЕКЦИЈА" },
  { "injektor", "инјектор" },
  { "konjunkcija", "конјункција" },
  { "konjugacija", "конјугација" },
  { "konjunktura", "конјунктура" },
  { "vanjezički", "ванјезички" },
  { "Tanjug", "Танјуг" },
  /* …and the words that look alike but join. */
  { "odžak", "оџак" },
  { "Odžaci", "Оџаци" },
  { "nadžak", "наџак" },
  { "konj", "коњ" },
  { "konjušnica", "коњушница" },
  { "njegov", "његов" },
  /* Mixed case the other way round keeps the letters apart, so it comes back unchanged. */
  { "LJa", "ЛЈа" },
  { "lJ", "лЈ" },
  /* Foreign letters, other scripts, addresses: the word stays as it is. */
  { "Mitrovicë", "Mitrovicë" },
  { "Çështje", "Çështje" },
  { "Prishtinë dhe Beograd", "Prishtinë dhe Beograd" },
  { "Roundtable on everyday freedom of movement", "Roundtable on everyday freedom of movement" },
  { "Tryezë e rrumbullakët për sigurinë", "Tryezë e rrumbullakët për sigurinë" },
  { "Wi-Fi xerox", "Wi-Fi xerox" },
  { "Mitrovicë/Mitrovica", "Mitrovicë/Mitrovica" },
  /* With a letter only Serbian uses, the text is Serbian: word by word. */
  { "Sastanak u Mitrovicë/Mitrovica, četvrtak", "Састанак у Mitrovicë/Митровица, четвртак" },
  { "Wi-Fi u Čačku", "Wi-Fi у Чачку" },
  { "Gjakova, Drenas i Peć", "Gjakova, Дренас и Пећ" },
  { "Gjakova, Drenas dhe Kalla", "Gjakova, Drenas dhe Kalla" },
  { "Beogradу", "Beogradу" },
  { "pišite na info@sofra.org ili https://sofra.org",
    "пишите на info@sofra.org или https://sofra.org" },
  { "Россия", "Россия" },
  { "", "" },
  { "12:30, 1. jun", "12:30, 1. јун" },
};

/* Folding: case, scripts and diacritics meet in one form. */
static const Case fold_cases[] = {
  { "Mitrovicë", "mitrovice" },
  { "Mitrovica", "mitrovica" },
  { "Митровица", "mitrovica" },
  { "MITROVICË", "mitrovice" },
  { "Đorđević", "djordjevic" },
  { "Djordjevic", "djordjevic" },
  { "Ђорђевић", "djordjevic" },
  { "Çështje", "ceshtje" },
  { "Šćepan Žižić Čačak", "scepan zizic cacak" },
  { "Љубљана", "ljubljana" },
  { "Џон", "dzon" },
  { "  Hello,   World!! ", "hello world" },
  { "a—b…c", "a b c" },
  { "", "" },
  { "?!.,", "" },
  { "e\xcc\x88", "e" },
  { "ß Æ Ø Ł", "ss ae o l" },
  { "ǅamija", "dzamija" },
  { "½", "1 2" },
  { "Ⅻ", "xii" },
  /* Letters Serbian shares with other Cyrillic alphabets fold to Latin everywhere. */
  { "Россия", "rossiя" },
  { "ТЕСТ 123", "test 123" },
  { "ﬁne", "fine" },
  { "x\xff"
    "y",
    "x y" },
  { "\xc0\x80"
    "abc",
    "abc" },
};

static void
check_table (const Case *cases, gsize n, char *(*fn) (const char *) )
{
  for (gsize i = 0; i < n; i++)
    {
      g_autofree char *got = fn (cases[i].input);
      g_autofree char *shown = g_utf8_make_valid (cases[i].input, -1);
      g_test_message ("%s → %s", shown, got);
      g_assert_cmpstr (got, ==, cases[i].expected);
      g_assert_true (g_utf8_validate (got, -1, NULL));
    }
}

static void
test_to_latin (void)
{
  check_table (to_latin_cases, G_N_ELEMENTS (to_latin_cases), sofra_translit_to_latin);
}

static void
test_to_cyrillic (void)
{
  check_table (to_cyrillic_cases, G_N_ELEMENTS (to_cyrillic_cases), sofra_translit_to_cyrillic);
}

static void
test_fold (void)
{
  check_table (fold_cases, G_N_ELEMENTS (fold_cases), sofra_translit_fold);
}

/* Latin → Cyrillic → Latin gives back what it started from, case by case. */
static void
test_round_trip (void)
{
  static const char *const latin[] = {
    "Ljubljana",
    "LJUBLJANA",
    "LJ",
    "Lj",
    "lj",
    "LJa",
    "aLJ",
    "ALJ",
    "ALj",
    "aLj",
    "DžLJ",
    "DŽA",
    "DžA",
    "NjLj",
    "nadživeti",
    "NADŽIVETI",
    "konjunkcija",
    "Odžaci",
    "Mitrovicë i Mitrovica",
    "Ko je rekao \"LJUBAV\"? Njegoš.",
    "Wi-Fi, e-mail: a@b.c",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (latin); i++)
    {
      g_autofree char *cyr = sofra_translit_to_cyrillic (latin[i]);
      g_autofree char *back = sofra_translit_to_latin (cyr);
      g_test_message ("%s → %s → %s", latin[i], cyr, back);
      g_assert_cmpstr (back, ==, latin[i]);
    }

  /* Serbian Cyrillic outside the exception words comes back too. */
  static const char *const cyrillic[] = { "Љубљана", "ЉУБЉАНА",   "Џон",      "ЏОН",
                                          "Њ",       "надживети", "Ђорђевић", "Краљевина Србија" };
  for (gsize i = 0; i < G_N_ELEMENTS (cyrillic); i++)
    {
      g_autofree char *lat = sofra_translit_to_latin (cyrillic[i]);
      g_autofree char *back = sofra_translit_to_cyrillic (lat);
      g_assert_cmpstr (back, ==, cyrillic[i]);
    }
}

/* Folding does not depend on the script the text was typed in. */
static void
test_fold_script_invariant (void)
{
  static const char *const texts[] = { "Đorđević iz Kraljeva", "Џон и Љиља", "podžupan", "Çështje",
                                       "NADŽIVETI injekciju" };

  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *folded = sofra_translit_fold (texts[i]);
      g_autofree char *lat = sofra_translit_to_latin (texts[i]);
      g_autofree char *cyr = sofra_translit_to_cyrillic (texts[i]);
      g_autofree char *fold_lat = sofra_translit_fold (lat);
      g_autofree char *fold_cyr = sofra_translit_fold (cyr);
      g_autofree char *again = sofra_translit_fold (folded);

      g_assert_cmpstr (fold_lat, ==, folded);
      g_assert_cmpstr (fold_cyr, ==, folded);
      g_assert_cmpstr (again, ==, folded);
    }
}

static void
test_scripts (void)
{
  g_autofree char *typed = sofra_translit_for_script ("Beograd Београд", SOFRA_SCRIPT_AS_TYPED);
  g_autofree char *latin = sofra_translit_for_script ("Beograd Београд", SOFRA_SCRIPT_LATIN);
  g_autofree char *cyr = sofra_translit_for_script ("Beograd Београд", SOFRA_SCRIPT_CYRILLIC);

  g_assert_cmpstr (typed, ==, "Beograd Београд");
  g_assert_cmpstr (latin, ==, "Beograd Beograd");
  g_assert_cmpstr (cyr, ==, "Београд Београд");
  g_assert_null (sofra_translit_for_script (NULL, SOFRA_SCRIPT_LATIN));

  for (int s = SOFRA_SCRIPT_AS_TYPED; s <= SOFRA_SCRIPT_CYRILLIC; s++)
    g_assert_cmpint (sofra_script_from_string (sofra_script_to_string (s)), ==, s);
  g_assert_cmpint (sofra_script_from_string ("klingon"), ==, SOFRA_SCRIPT_AS_TYPED);
  g_assert_cmpint (sofra_script_from_string (NULL), ==, SOFRA_SCRIPT_AS_TYPED);
  g_assert_cmpstr (sofra_script_to_string ((SofraScript) 42), ==, "as-typed");
}

/* Invalid UTF-8 never reaches the output. */
static void
test_invalid_utf8 (void)
{
  static const char *const bad[] = { "\xff", "Бео\xd0", "\xe2\x82", "ok\xc3\x28ok",
                                     "\xed\xa0\x80" };

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *lat = sofra_translit_to_latin (bad[i]);
      g_autofree char *cyr = sofra_translit_to_cyrillic (bad[i]);
      g_autofree char *folded = sofra_translit_fold (bad[i]);
      g_autofree char *typed = sofra_translit_for_script (bad[i], SOFRA_SCRIPT_AS_TYPED);

      g_assert_true (g_utf8_validate (lat, -1, NULL));
      g_assert_true (g_utf8_validate (cyr, -1, NULL));
      g_assert_true (g_utf8_validate (folded, -1, NULL));
      g_assert_true (g_utf8_validate (typed, -1, NULL));
    }
}

/* Names in the order a reader expects, whatever the C library's locale: the azbuka for
 * Serbian Cyrillic (Ђ after Д, Ј after И, Џ before Ш), diacritics beside their base letter. */
static void
test_collate (void)
{
  static const char *const cyrillic[] = {
    "Београд",  "Врање",     "Гњилане",  "Дечани", "Ђаковица", "Звечан", "Исток",    "Јуник",
    "Клина",    "Лепосавић", "Љубљана",  "Мамуша", "Ниш",      "Њујорк", "Ораховац", "Пећ",
    "Приштина", "Ћуприја",   "Урошевац", "Чачак",  "Џеп",      "Штрпце",
  };
  static const char *const latin[] = {
    "Ferizaj", "Fushë Kosovë", "Gjakovë",     "gjilan", "Gračanica", "Graçanicë",
    "Kaçanik", "Kačanik",      "Zubin Potok", "Zveçan", "Zvečan",    "Београд",
  };
  const char *const *lists[] = { cyrillic, latin };
  const gsize        lengths[] = { G_N_ELEMENTS (cyrillic), G_N_ELEMENTS (latin) };

  for (gsize l = 0; l < G_N_ELEMENTS (lists); l++)
    for (gsize i = 0; i + 1 < lengths[l]; i++)
      {
        g_autofree char *a = sofra_collate_key (lists[l][i]);
        g_autofree char *b = sofra_collate_key (lists[l][i + 1]);

        g_test_message ("%s < %s", lists[l][i], lists[l][i + 1]);
        g_assert_cmpint (strcmp (a, b), <, 0);
      }

  {
    g_autofree char *upper = sofra_collate_key ("PRIZREN");
    g_autofree char *lower = sofra_collate_key ("prizren");
    g_autofree char *same = sofra_collate_key ("prizren");
    g_autofree char *invalid = sofra_collate_key ("Pri\xffzren");

    g_assert_cmpint (strcmp (upper, lower), !=, 0);
    g_assert_cmpstr (lower, ==, same);
    g_assert_true (g_utf8_validate (invalid, -1, NULL));
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/translit/to-latin", test_to_latin);
  g_test_add_func ("/translit/to-cyrillic", test_to_cyrillic);
  g_test_add_func ("/translit/fold", test_fold);
  g_test_add_func ("/translit/round-trip", test_round_trip);
  g_test_add_func ("/translit/fold-script-invariant", test_fold_script_invariant);
  g_test_add_func ("/translit/scripts", test_scripts);
  g_test_add_func ("/translit/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/translit/collate", test_collate);
  return g_test_run ();
}
