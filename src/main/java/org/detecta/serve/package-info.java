/**
 * The HTTP face of Detecta: {@link org.detecta.serve.HttpServer} (every route in one method), thin
 * controllers, and Javalin-free services (served models, term search, finding resolution, diagnosis).
 */
package org.detecta.serve;
