#!/usr/bin/env python3
"""Schema check of generated .docx packages, for the tests (test/ooxml.test.ts).

LibreOffice opens packages Word refuses. This checks what Word checks first, without Word:

* the package: every part has a content type, every override names a part that exists, every
  internal relationship points at a part that exists;
* every XML part (and every .rels) is well-formed and valid against the ECMA-376 / ISO/IEC
  29500 transitional schemas in test/ooxml/xsd, after Markup Compatibility processing: markup
  in a namespace the part declares ignorable (mc:Ignorable) is removed, mc:AlternateContent is
  replaced by its mc:Fallback, and markup in any other namespace the schemas do not define is
  a problem.

Usage: validate.py [--schemas DIR] [--json] FILE.docx...
Prints one line per problem (or, with --json, one JSON object); exits 1 when there is any.
Needs Python 3 and lxml (Debian: python3-lxml).
"""

import argparse
import hashlib
import json
import os
import posixpath
import sys
import zipfile

from lxml import etree

MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006'
XML_NS = 'http://www.w3.org/XML/1998/namespace'
XSI = 'http://www.w3.org/2001/XMLSchema-instance'  # xsi:type, read by the schema processor itself
XSD = '{http://www.w3.org/2001/XMLSchema}'
CT = '{http://schemas.openxmlformats.org/package/2006/content-types}'
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SCHEMAS = os.path.normpath(os.path.join(HERE, '..', '..', 'test', 'ooxml', 'xsd'))


def load_schemas(folder):
    """One schema importing every schema file of the folder, and the namespaces they define."""
    locations = {}
    for root, _dirs, files in os.walk(folder):
        for name in sorted(files):
            if not name.endswith('.xsd'):
                continue
            path = os.path.join(root, name)
            target = etree.parse(path).getroot().get('targetNamespace')
            # The first file found for a namespace is the one imported; the others it includes.
            if target and target not in locations:
                locations[target] = os.path.relpath(path, folder).replace(os.sep, '/')
    imports = ''.join(
        '<xs:import namespace="%s" schemaLocation="%s"/>' % (ns, loc) for ns, loc in sorted(locations.items())
    )
    wrapper = '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:jianyi:all">%s</xs:schema>' % imports
    base = os.path.join(folder, 'wrapper.xsd')
    schema = etree.XMLSchema(etree.fromstring(wrapper.encode('utf-8'), base_url=base))
    return schema, set(locations) | {XML_NS, XSI}


def namespace(name):
    return etree.QName(name).namespace if isinstance(name, str) and name.startswith('{') else None


def compatibility(root, known, problems):
    """Markup Compatibility processing in place (ECMA-376 Part 3), scoped per element."""

    def walk(element, ignorable):
        declared = element.get('{%s}Ignorable' % MC)
        if declared:
            ignorable = ignorable | {element.nsmap.get(p) for p in declared.split() if element.nsmap.get(p)}
        for attribute in list(element.attrib):
            ns = namespace(attribute)
            if ns == MC:
                del element.attrib[attribute]
            elif ns and ns not in known:
                if ns in ignorable:
                    del element.attrib[attribute]
                else:
                    problems.append('attribute %s of %s is in a namespace no schema defines and is not ignorable'
                                    % (attribute, element.tag))
        for child in list(element):
            if not isinstance(child.tag, str):
                continue
            ns = namespace(child.tag)
            if ns == MC and etree.QName(child).localname == 'AlternateContent':
                index = element.index(child)
                element.remove(child)
                fallback = child.find('{%s}Fallback' % MC)
                for offset, grandchild in enumerate(list(fallback) if fallback is not None else []):
                    element.insert(index + offset, grandchild)
                    walk(grandchild, ignorable)
                continue
            if ns and ns not in known:
                if ns in ignorable:
                    element.remove(child)
                    continue
                problems.append('element %s is in a namespace no schema defines and is not ignorable' % child.tag)
            walk(child, ignorable)

    walk(root, set())
    return root


class Validator:
    def __init__(self, folder):
        self.schema, self.known = load_schemas(folder)
        self.cache = {}

    def part(self, data):
        """Problems of one XML part, by content (the parts shared by a batch are checked once)."""
        key = hashlib.sha1(data).digest()
        if key in self.cache:
            return self.cache[key]
        problems = []
        try:
            root = etree.fromstring(data)
        except etree.XMLSyntaxError as error:
            problems.append('not well-formed XML: %s' % error)
        else:
            root = compatibility(root, self.known, problems)
            # Serialise and parse again, so the schema sees the processed tree from scratch.
            document = etree.fromstring(etree.tostring(root))
            if not self.schema.validate(document):
                for error in self.schema.error_log:
                    problems.append('line %d: %s' % (error.line, ' '.join(error.message.split())))
        self.cache[key] = problems
        return problems

    def package(self, path):
        problems = []
        try:
            archive = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError) as error:
            return [('(package)', 'not a zip file: %s' % error)]
        names = [n for n in archive.namelist() if not n.endswith('/')]
        if '[Content_Types].xml' not in names:
            return [('(package)', '[Content_Types].xml is missing')]
        types = etree.fromstring(archive.read('[Content_Types].xml'))
        defaults = {d.get('Extension', '').lower() for d in types.iter(CT + 'Default')}
        overrides = {o.get('PartName', '') for o in types.iter(CT + 'Override')}
        for name in names:
            if name == '[Content_Types].xml':
                continue
            if '/' + name not in overrides and name.rsplit('.', 1)[-1].lower() not in defaults:
                problems.append(('(package)', 'part %s has no content type' % name))
        for override in sorted(overrides):
            if override.lstrip('/') not in names:
                problems.append(('(package)', 'content type given for %s, which is not in the package' % override))
        for name in names:
            if not name.endswith('.rels'):
                continue
            source = posixpath.dirname(posixpath.dirname(name))
            try:
                relationships = etree.fromstring(archive.read(name))
            except etree.XMLSyntaxError:
                continue  # reported below
            for relationship in relationships:
                if not isinstance(relationship.tag, str) or relationship.get('TargetMode') == 'External':
                    continue
                target = relationship.get('Target', '')
                resolved = target.lstrip('/') if target.startswith('/') else posixpath.normpath(posixpath.join(source, target))
                if resolved not in names:
                    problems.append((name, 'relationship %s points at %s, which is not in the package'
                                     % (relationship.get('Id'), target)))
        for name in names:
            if name.endswith('.xml') or name.endswith('.rels'):
                problems.extend((name, message) for message in self.part(archive.read(name)))
        return problems


def main():
    parser = argparse.ArgumentParser(description='Validate .docx packages against the ECMA-376 transitional schemas.')
    parser.add_argument('--schemas', default=DEFAULT_SCHEMAS, help='folder of the .xsd files')
    parser.add_argument('--json', action='store_true', help='print one JSON object')
    parser.add_argument('files', nargs='+')
    args = parser.parse_args()
    validator = Validator(args.schemas)
    found = []
    for path in args.files:
        for part, message in validator.package(path):
            found.append({'file': path, 'part': part, 'message': message})
    if args.json:
        print(json.dumps({'packages': len(args.files), 'problems': found}, ensure_ascii=False))
    else:
        for problem in found:
            print('%s | %s | %s' % (problem['file'], problem['part'], problem['message']))
        print('%d packages, %d problems' % (len(args.files), len(found)))
    return 1 if found else 0


if __name__ == '__main__':
    sys.exit(main())
