#include "../../x"
#define A(x) x x
int g(void) { return ({ int y = 1; y; }); }
