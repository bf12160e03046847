/* main.c — the sofra executable: creates the application and runs it
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "sofra-application.h"

int
main (int argc, char *argv[])
{
  g_autoptr (SofraApplication) app = sofra_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
