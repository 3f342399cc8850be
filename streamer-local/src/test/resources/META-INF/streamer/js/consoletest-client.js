export const CONSOLE_TEST_CLIENT = true;
