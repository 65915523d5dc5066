/* Preloaded into baresip only: a bind() to 0.0.0.0 becomes a bind() to 127.0.0.1,
 * so the far end's DNS client sockets stay on loopback like everything else. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>

typedef int (*bind_fn)(int, const struct sockaddr *, socklen_t);

int bind(int fd, const struct sockaddr *address, socklen_t length)
{
	static bind_fn next;
	if (next == NULL)
		next = (bind_fn)dlsym(RTLD_NEXT, "bind");
	if (address != NULL && address->sa_family == AF_INET && length >= (socklen_t)sizeof(struct sockaddr_in)) {
		struct sockaddr_in copy;
		memcpy(&copy, address, sizeof copy);
		if (copy.sin_addr.s_addr == htonl(INADDR_ANY)) {
			copy.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
			return next(fd, (const struct sockaddr *)&copy, sizeof copy);
		}
	}
	return next(fd, address, length);
}
