import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useMargin } from '../../store/use-margin.js';
import { Modal } from '../../ui/Modal.js';

/** The app's version, and the licence of every package it carries (listed at build time). */
export function AboutDialog() {
  const s = useMargin(
    useShallow((st) => ({ about: st.about, error: st.aboutError, load: st.loadAbout, close: st.closeDialog })),
  );
  const load = s.load;
  useEffect(() => void load(), [load]);
  const about = s.about;
  return (
    <Modal title="About Margin" onClose={s.close} className="about-dialog">
      {s.error && (
        <p className="error" role="alert">
          {s.error}
        </p>
      )}
      {about && (
        <>
          <p className="about-version">Margin {about.version}</p>
          <p className="hint-text">
            A reading list for research papers. It carries these {about.packages.length} open-source packages, under
            their own licences:
          </p>
          <table className="about-licenses" aria-label="Packages and their licences">
            <thead>
              <tr>
                <th scope="col">Package</th>
                <th scope="col">Version</th>
                <th scope="col">Licence</th>
              </tr>
            </thead>
            <tbody>
              {about.packages.map((p) => (
                <tr key={`${p.name}@${p.version}`}>
                  <td>{p.name}</td>
                  <td>{p.version}</td>
                  <td>{p.license}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Modal>
  );
}
